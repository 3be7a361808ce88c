"""Each server's own library: the sources its moderators add, kept and indexed apart from the shared ones.

Plain Python like the content engine (no `discord` import): the cogs and the command line both use it.
"""
