"""The `khabar` command: ingest, run, topics, tail, process, up."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from pydantic import ValidationError

from khabar import __version__
from khabar.shell.apps import SERVICE_NAMES
from khabar.shell.inputs import InputError, read_inputs
from khabar.shell.settings import MissingBootstrap, Settings

__all__ = ["main"]


def _print_json(obj: object) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def _ingest(args: argparse.Namespace, settings: Settings) -> int:
    from khabar.shell.ingest import ingest

    articles = list(read_inputs(args.paths))  # read everything first: a bad file sends nothing
    sent = ingest(settings, articles, args.topic)
    print(f"ingested {sent} article(s)", file=sys.stderr)
    return 0


def _run(args: argparse.Namespace, settings: Settings) -> int:
    from khabar.shell.apps.runner import run

    return run(args.service, settings)


def _topics(args: argparse.Namespace, settings: Settings) -> int:
    from khabar.shell.admin import create_topics, describe_topics

    if args.action == "create":
        created, present = create_topics(settings)
        _print_json({"created": created, "present": present})
    else:
        for topic in describe_topics(settings):
            _print_json(topic)
    return 0


def _tail(args: argparse.Namespace, settings: Settings) -> int:
    from khabar.shell.tail import tail

    for record in tail(
        settings, args.topic, from_beginning=args.from_beginning, max_records=args.max, timeout_s=args.timeout
    ):
        _print_json(record)
    return 0


def _process(args: argparse.Namespace, settings: Settings) -> int:
    from khabar.shell.offline import process, result_json

    results = process(read_inputs(args.paths), settings.dedup_window, dedup=not args.no_dedup)
    failed = 0
    for result in results:
        failed += result.error is not None
        _print_json(result_json(result))
    if failed:
        print(f"{failed} of {len(results)} input(s) failed", file=sys.stderr)
    return 1 if failed else 0


def _up(args: argparse.Namespace, settings: Settings) -> int:
    from khabar.shell.up import up

    return up(settings, args.path, exit_after_events=args.exit_after_events, timeout_s=args.timeout)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="khabar", description=__doc__)
    p.add_argument("--version", action="version", version=f"khabar {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("ingest", help="send files, directories or stdin (-) to the raw topic")
    s.add_argument("paths", nargs="+", metavar="PATH")
    s.add_argument("--topic", help="override the raw topic name")
    s.set_defaults(func=_ingest)

    s = sub.add_parser("run", help="run one streaming service until SIGTERM")
    s.add_argument("service", choices=SERVICE_NAMES)
    s.set_defaults(func=_run)

    s = sub.add_parser("topics", help="create or describe the pipeline's topics")
    s.add_argument("action", choices=("create", "describe"))
    s.set_defaults(func=_topics)

    s = sub.add_parser("tail", help="print a topic's records as JSON lines")
    s.add_argument("topic")
    s.add_argument("--from-beginning", action="store_true")
    s.add_argument("--max", type=int, help="stop after N records")
    s.add_argument("--timeout", type=float, help="stop after S seconds")
    s.set_defaults(func=_tail)

    s = sub.add_parser("process", help="run the pipeline in-process on local inputs, no broker")
    s.add_argument("paths", nargs="+", metavar="PATH")
    s.add_argument("--format", choices=("jsonl",), default="jsonl", help="output format")
    s.add_argument("--no-dedup", action="store_true", help="do not merge events across inputs")
    s.set_defaults(func=_process)

    s = sub.add_parser("up", help="local pipeline: broker, topics, services, ingest PATH, print events")
    s.add_argument("path", nargs="?", help="what to ingest (default: the repo's samples/)")
    s.add_argument("--exit-after-events", type=int, metavar="N", help="stop after N events")
    s.add_argument("--timeout", type=float, metavar="S", help="stop after S seconds (exit 1 if short)")
    s.set_defaults(func=_up)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        settings = Settings()
    except ValidationError as exc:
        print(f"khabar: invalid settings: {exc}", file=sys.stderr)
        return 2
    try:
        status: int = args.func(args, settings)
    except InputError as exc:
        print(f"khabar {args.command}: {exc}", file=sys.stderr)
        return 1
    except MissingBootstrap as exc:
        print(f"khabar {args.command}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return status


if __name__ == "__main__":
    sys.exit(main())
