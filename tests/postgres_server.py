"""A real PostgreSQL server for the tests: initdb in a temporary folder, reachable only through a Unix socket
in that folder (no TCP port, so nothing outside this machine, nor two test runs, can meet it).

The server comes from the distribution's package (`.ci/run` installs it). PostgreSQL refuses to run as
root, so under root it runs as the `postgres` user the package creates.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

REQUIRED = "STUDYBOT_REQUIRE_POSTGRES"  # set by CI: a missing server fails the tests instead of skipping them
SUPERUSER = "studybot"
INITDB_OPTIONS = ("--no-sync", "-E", "UTF8", "--locale=C")


@dataclass(frozen=True)
class PostgresServer:
    folder: Path
    binaries: Path
    run_as: list[str]

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{SUPERUSER}@/{database}?host={self.folder}"

    def new_database(self) -> str:
        """The address of a new, empty database: each test its own."""
        name = f"t_{uuid.uuid4().hex[:12]}"
        subprocess.run(
            [str(self.binaries / "createdb"), "-h", str(self.folder), "-U", SUPERUSER, name],
            check=True,
            capture_output=True,
        )
        return self.url(name)

    def stop(self) -> None:
        subprocess.run(
            [*self.run_as, str(self.binaries / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "immediate", "stop"],
            check=False,
            capture_output=True,
        )
        shutil.rmtree(self.folder, ignore_errors=True)


def find_binaries() -> Path | None:
    """The folder holding initdb, pg_ctl and postgres: on PATH, or where Debian's package puts them."""
    on_path = shutil.which("initdb")
    if on_path:
        return Path(os.path.realpath(on_path)).parent
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def start_postgres() -> PostgresServer:
    binaries = find_binaries()
    if binaries is None:
        raise FileNotFoundError("PostgreSQL's initdb was not found (Debian: apt-get install postgresql)")
    folder = Path(tempfile.mkdtemp(prefix="studybot-pg-"))
    run_as: list[str] = []
    if os.geteuid() == 0:
        owner = pwd.getpwnam("postgres")
        os.chown(folder, owner.pw_uid, owner.pw_gid)
        run_as = ["runuser", "-u", "postgres", "--"]
    data = folder / "data"
    subprocess.run(
        [*run_as, str(binaries / "initdb"), "-D", str(data), "-U", SUPERUSER, "-A", "trust", *INITDB_OPTIONS],
        check=True,
        capture_output=True,
    )
    # Durability is not what these tests check: without fsync the server is quicker on a busy machine.
    options = f"-c listen_addresses='' -k {folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    started = subprocess.run(
        [*run_as, str(binaries / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"), "-w", "-o", options, "start"],
        check=False,
        capture_output=True,
        text=True,
    )
    if started.returncode != 0:
        log = (folder / "log").read_text(errors="replace") if (folder / "log").exists() else ""
        shutil.rmtree(folder, ignore_errors=True)
        raise RuntimeError(f"PostgreSQL did not start: {started.stderr}\n{log}")
    return PostgresServer(folder, binaries, run_as)
