"""What every cog uses, in one place, so that no cog imports another: answering in time and privately
(`replies`), paging long answers (`paginator`), and the topic option (`topic_option`)."""
