"""Readers turn a source file of any supported format into the text a reader of it sees (`SourceText`)."""
