"""The command line: `python -m bot COMMAND`. Every answer prints as text, or as JSON with --json."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel

from bot.config import TOKEN_VARIABLE, Settings, discord_token, load_settings
from bot.content.engine import StudyEngine
from bot.content.index.build import open_index
from bot.content.index.meaning import Embedder
from bot.content.sources import SourceFile, list_sources, read_sidecar
from bot.content.topics import load_topics
from bot.errors import ConfigError, InputError, NothingFoundError, StudybotError
from bot.health import is_healthy
from bot.library.libraries import Libraries
from bot.logs import configure_logging
from bot.playground import run_playground
from bot.records.database import lock_data_folder, open_database
from bot.render.text import render
from bot.shards import ShardPlan, parse_shards

EXIT_NOTHING_FOUND = 1
EXIT_BAD_INPUT = 2
# A one-shot command reads a library this small for meaning before answering (a few seconds, once).
_READ_NOW_SENTENCES = 500


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", help="print the answer as JSON")
    common.add_argument("--config", type=Path, help="settings file (default: config/bot.yaml)")
    common.add_argument("--sources", type=Path, help="sources folder (overrides the settings file)")
    common.add_argument("--rebuild", action="store_true", help="rebuild the index even if the sources are unchanged")
    common.add_argument("--server", type=int, help="answer from this server's library (its id), not the shared one")

    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description="studybot: summaries, quoted statistics, citations, search and quizzes from your sources.",
        epilog="Example: python -m bot search jailed dissidents",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        return commands.add_parser(name, parents=[common], help=help_text, description=help_text)

    command("topics", "list the topics, curated and found in the sources")
    search = command("search", "the passages that best answer a question")
    search.add_argument("query", nargs="+", help="the question or keywords")
    search.add_argument("--limit", type=int, default=5, help="how many results (default 5)")
    stats = command("stats", "statistics quoted from the sources")
    stats.add_argument("--topic", help="only statistics about this topic")
    stats.add_argument("--limit", type=int, default=20, help="how many statistics (default 20)")
    summary = command("summary", "a summary of a topic in the sources' own sentences")
    summary.add_argument("topic", nargs="+", help="topic id, name or keyword")
    cite = command("cite", "whether the sources support a claim, contradict it or only touch on it")
    cite.add_argument("claim", nargs="+", help="the claim to find support for")
    cite.add_argument("--limit", type=int, default=5, help="how many matches (default 5)")
    quiz = command("quiz", "multiple-choice questions from the sources")
    quiz.add_argument("--topic", help="only questions about this topic")
    quiz.add_argument("--count", type=int, default=5, help="how many questions (default 5)")
    quiz.add_argument("--seed", type=int, help="the same seed gives the same quiz")
    quiz.add_argument(
        "--difficulty", choices=["easy", "normal", "hard"], default="normal", help="how close the wrong answers are"
    )
    fact = command("fact", "one fact for a daily post")
    fact.add_argument("--seed", type=int, help="the same seed gives the same fact")
    sources = command(
        "sources",
        "the loaded documents, their references, and files not loaded; with --server, that server's library. "
        "`sources add FILE --server ID` adds a source to a server's own library (without --server, to the shared "
        "sources folder), `sources remove KEY --server ID` "
        "takes one out, `sources edit KEY --server ID --title T` corrects one (stop the bot first: it reads the "
        "servers' libraries when it starts)",
    )
    sources.add_argument(
        "action",
        nargs="?",
        choices=["add", "edit", "remove"],
        help="add a file, correct a source's title, author or date, or remove one",
    )
    sources.add_argument(
        "target", nargs="?", help="the file (or https:// link) to add, or the key of the source to edit or remove"
    )
    sources.add_argument("--title", help="the source's title, when adding (else the one it gives)")
    sources.add_argument("--author", help="its author, when adding")
    sources.add_argument("--published", help="when it was published (YYYY-MM-DD), when adding")
    command("index", "build the index now (it is also built on first use), with a progress bar")
    run = command("run", "run the bot on Discord (needs DISCORD_TOKEN in the environment)")
    run.add_argument(
        "--shards",
        metavar="IDS",
        help="run only these shards (0-3, or 0,2,5), so several processes share the bot: each with its own "
        "data_dir, all on one PostgreSQL database (default: every shard Discord recommends)",
    )
    run.add_argument("--shard-count", type=int, metavar="N", help="how many shards the bot has in all, with --shards")
    command("play", "try the bot offline: a local Discord sandbox and a prompt to act as a member")
    command("sync", "publish the slash commands to every server the bot is in (needs DISCORD_TOKEN)")
    command("health", "exit 0 if a running bot is connected to Discord right now, else 1: for health checks")
    migrate = command(
        "migrate",
        "bring the records database to the latest schema (the bot also does at start): SQLite in data_dir, or "
        "with `database: postgresql` the one STUDYBOT_DATABASE_URL names; --from-sqlite copies a bot's records "
        "into it",
    )
    migrate.add_argument(
        "--from-sqlite", type=Path, metavar="FILE", help="copy the records in this SQLite file (data/studybot.sqlite3)"
    )
    return parser


def _server_engine(engine: StudyEngine, settings: Settings, server: int) -> StudyEngine:
    libraries = Libraries(engine, settings)
    libraries.open_saved()
    return libraries.engine_for(server)


def _library_answer(engine: StudyEngine, settings: Settings, args: argparse.Namespace) -> BaseModel:
    """`sources add|edit|remove ... [--server ID]`, and `sources --server ID`: a server's own library, or
    without --server the shared one."""
    if args.action is not None and not args.target:
        raise InputError(f"sources {args.action}: give the {'file' if args.action == 'add' else 'key of the source'}.")
    if args.server is None:
        lock = lock_data_folder(settings.data_dir)
        try:
            return _change_shared(engine, settings, args)
        finally:
            lock.release()
    libraries = Libraries(engine, settings)
    if args.action is None:
        libraries.open_saved()
        return libraries.library(args.server)
    # A running bot holds the data folder: its own changes and these would race, and it would not see these.
    lock = lock_data_folder(settings.data_dir)
    try:
        libraries.open_saved()
        return _change_library(libraries, settings, args)
    finally:
        lock.release()


def _change_library(libraries: Libraries, settings: Settings, args: argparse.Namespace) -> BaseModel:
    from bot.library.shelf import source_meta

    if args.action == "remove":
        change, removed = libraries.remove(args.server, args.target)
        asyncio.run(_forget_questions(settings, args.server, removed.sentence_ids))
        return change
    if args.action == "edit":
        return libraries.correct(args.server, args.target, source_meta(args.title, args.author, args.published))
    say = lambda line: print(line, file=sys.stderr)  # noqa: E731
    if args.target.startswith(("http://", "https://")):
        meta = source_meta(args.title, args.author, args.published, args.target)
        say(f"Fetching {args.target}…")
        name, data = asyncio.run(libraries.fetch(args.target))
        return libraries.add(args.server, name, data, meta, say)
    path = Path(args.target)
    if not path.is_file():
        raise InputError(f"{path}: no such file.")
    meta = source_meta(args.title, args.author, args.published)
    return libraries.add(args.server, path.name, path.read_bytes(), meta, say)


def _change_shared(engine: StudyEngine, settings: Settings, args: argparse.Namespace) -> BaseModel:
    """A file put in, corrected or taken out of the shared sources folder, and the shared index built again
    (every server's own index is made again from it when the bot starts)."""
    from bot.library.models import LibraryChange
    from bot.library.shelf import source_meta

    started = time.perf_counter()
    folder = settings.sources
    meta = source_meta(args.title, args.author, args.published)
    if args.action == "add":
        path = Path(args.target)
        if not path.is_file():
            raise InputError(f"{path}: no such file.")
        source = SourceFile(folder / path.name, path.stem, path.name)
        if source.path.exists():
            raise InputError(
                f"{path.name}: the sources folder has a file of that name.", "Rename it, or remove that one."
            )
        shutil.copyfile(path, source.path)
    else:
        source = next((f for f in list_sources(folder).files if f.key == args.target), None)
        if source is None:
            raise InputError(f"The shared library has no source called '{args.target}'.", "List them with `sources`.")
    before = next((s for s in engine.sources().sources if s.document.id == source.key), None)
    if args.action == "remove":
        source.path.unlink()
        source.sidecar.unlink(missing_ok=True)
    elif meta.model_dump(exclude_none=True):
        said = read_sidecar(source).model_copy(update=meta.model_dump(exclude_none=True))
        source.sidecar.write_text(yaml.safe_dump(said.model_dump(mode="json", exclude_none=True)))
    rebuilt = build_engine(settings)
    after = next((s for s in rebuilt.sources().sources if s.document.id == source.key), None)
    summary = before if args.action == "remove" else after
    if summary is None:
        problems = "; ".join(rebuilt.index.report.skipped) or "it has no text to read"
        if args.action == "add":
            source.path.unlink()
        raise InputError(f"{source.relative}: not added ({problems}).")
    actions: dict[str, Literal["added", "corrected", "removed"]] = {
        "add": "added",
        "edit": "corrected",
        "remove": "removed",
    }
    return LibraryChange(
        action=actions[args.action],
        source=summary,
        documents=rebuilt.index.report.documents,
        megabytes=round(sum(f.path.stat().st_size for f in list_sources(folder).files) / 2**20, 2),
        seconds=round(time.perf_counter() - started, 2),
    )


async def _forget_questions(settings: Settings, server: int, sentence_ids: list[int]) -> None:
    """The removed source's questions leave the server's quiz records, as `/source remove` does."""
    from bot.records.quiz import QuizRecords

    db = await open_database(settings)
    try:
        await QuizRecords(db).forget_sentences(server, sentence_ids)
    finally:
        await db.close()


async def _migrate(settings: Settings, source: Path | None) -> str:
    """`migrate [--from-sqlite FILE]`: the configured database migrated, and a bot's records copied into it."""
    from bot.records.copying import copy_records
    from bot.records.migrations import MIGRATIONS

    db = await open_database(settings)
    try:
        done = f"{db.name}: schema {len(MIGRATIONS)}, the latest."
        if source is None:
            return done
        if db.kind == "sqlite" and Path(db.name).resolve() == source.resolve():
            raise InputError(f"{source}: is the database it would be copied into.")
        copied = await copy_records(source, db)
    finally:
        await db.close()
    rows = ", ".join(f"{table} {count}" for table, count in copied.items() if count) or "no rows"
    return f"{done}\nCopied {sum(copied.values())} rows from {source}: {rows}."


def _answer(engine: StudyEngine, args: argparse.Namespace) -> BaseModel:
    actions: dict[str, Callable[[], BaseModel]] = {
        "topics": engine.list_topics,
        "search": lambda: engine.search(" ".join(args.query), limit=args.limit),
        "stats": lambda: engine.stats(topic=args.topic, limit=args.limit),
        "summary": lambda: engine.summary(" ".join(args.topic)),
        "cite": lambda: engine.cite(" ".join(args.claim), limit=args.limit),
        "quiz": lambda: engine.quiz(topic=args.topic, count=args.count, seed=args.seed, difficulty=args.difficulty),
        "fact": lambda: engine.fact(seed=args.seed),
        "sources": engine.sources,
    }
    return actions[args.command]()


def build_engine(
    settings: Settings, *, rebuild: bool = False, progress: bool | None = None, embedder: Embedder | None = None
) -> StudyEngine:
    if not settings.sources.is_dir():
        raise ConfigError(f"sources: folder {settings.sources} does not exist")
    index = open_index(settings.sources, index_dir=settings.index_dir, force=rebuild, progress=progress)
    return StudyEngine(index, load_topics(settings.topics), embedder)


def _read_for_meaning(engine: StudyEngine, settings: Settings, command: str) -> None:
    """Give search its sentence vectors: the `index` command computes them with a progress bar; a one-shot
    command, when the library is small enough to take a few seconds. The bot (`run`, `play`) reads them in
    a process of its own once it has started (`StudyBot.setup_hook`), searching by words until then."""
    index = engine.index
    if not settings.meaning or index.meaning is not None or command in ("run", "play"):
        return
    if command == "index":
        started = time.perf_counter()
        index.compute_meaning(engine.embedder, progress=True)
        seconds = time.perf_counter() - started
        how = " word by word" if index.read_word_by_word else ""
        print(f"Search by meaning: {index.report.sentences} sentences read{how} in {seconds:.1f} s")
    elif index.report.sentences <= _READ_NOW_SENTENCES:
        index.compute_meaning(engine.embedder)


NO_TOKEN = f"""No Discord token: set {TOKEN_VARIABLE} to run on Discord.
  1. Create an application at https://discord.com/developers/applications and add a Bot to it.
  2. Copy the bot's token (Bot > Reset Token) and run:  {TOKEN_VARIABLE}=... python -m bot run
To try studybot offline right now, with no token:  python -m bot play"""


def _run(engine: StudyEngine, settings: Settings, *, sync_only: bool, shards: ShardPlan | None = None) -> int:
    token = discord_token()
    if token is None:
        print(NO_TOKEN, file=sys.stderr)
        return EXIT_BAD_INPUT
    import aiohttp
    import discord

    from bot.app import EXIT_DISCONNECTED, StudyBot, run_until_stopped, sync_globally

    bot = StudyBot(engine, settings, shards=shards, read_meaning=settings.meaning and not sync_only)
    if sync_only:
        count = asyncio.run(sync_globally(bot, token.get_secret_value()))
        print(f"Published {count} slash commands to every server; Discord may take up to an hour to show them.")
        return 0
    try:
        return asyncio.run(run_until_stopped(bot, token.get_secret_value()))
    except discord.LoginFailure:
        print(f"Discord refused the token in {TOKEN_VARIABLE}: check it (Bot > Reset Token).", file=sys.stderr)
        return EXIT_BAD_INPUT
    except (aiohttp.ClientError, OSError) as error:
        # No traceback for a network that is down: say so, and exit like a bot cut off too long, to be restarted.
        print(f"Cannot reach Discord ({error}); check the network. Exiting so the bot is restarted.", file=sys.stderr)
        return EXIT_DISCONNECTED


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    try:
        settings = load_settings(args.config)
        if args.command == "health":
            healthy = is_healthy(settings.data_dir, time.time())
            print("healthy" if healthy else "unhealthy: the bot is not running, or not connected to Discord")
            return 0 if healthy else 1
        if args.command == "migrate":
            print(asyncio.run(_migrate(settings, args.from_sqlite)))
            return 0
        shards = parse_shards(args.shards, args.shard_count) if args.command == "run" else None
        if shards is not None and settings.database != "postgresql":
            raise InputError(
                "--shards: processes sharing a bot keep their records in one database.",
                "Set `database: postgresql` in the settings (see docs/operations.md, PostgreSQL).",
            )
        if args.sources:
            settings = settings.model_copy(update={"sources": args.sources.resolve()})
        configure_logging(settings.log_level)
        engine = build_engine(settings, rebuild=args.rebuild, progress=True if args.command == "index" else None)
        _read_for_meaning(engine, settings, args.command)
        if args.command in ("run", "sync"):
            return _run(engine, settings, sync_only=args.command == "sync", shards=shards)
        if args.command == "play":
            asyncio.run(run_playground(engine, settings))
            return 0
        if args.command == "index":
            report = engine.index.report
            print(
                f"Indexed {report.documents} documents: {report.sentences} sentences, "
                f"{report.statistics} statistics, {report.references} references in {report.seconds:.1f} s"
                + ("" if report.rebuilt else " (unchanged, reused)")
            )
            return 0
        if args.command == "sources" and (args.action or args.server is not None):
            answer = _library_answer(engine, settings, args)
        elif args.server is not None:
            answer = _answer(_server_engine(engine, settings, args.server), args)
        else:
            answer = _answer(engine, args)
    except StudybotError as error:
        code = EXIT_NOTHING_FOUND if isinstance(error, NothingFoundError) else EXIT_BAD_INPUT
        if args.json:
            print(json.dumps({"error": str(error)}))
        kind = "Nothing found" if isinstance(error, NothingFoundError) else "Error"
        print(f"{kind}: {error}", file=sys.stderr)
        return code if isinstance(error, NothingFoundError | InputError | ConfigError) else EXIT_BAD_INPUT
    print(answer.model_dump_json(indent=2) if args.json else render(answer))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:
        # The reader went away (`python -m bot stats | head`): not an error. Per the Python docs,
        # point stdout at devnull so the interpreter's final flush does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
