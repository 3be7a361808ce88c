# py3langid ships no type hints; studybot uses only `py3langid.langid` (see langid.pyi).
