"""The tagger: clean articles -> tagged articles (khabar.core.pipeline.tag_stage)."""

from __future__ import annotations

from khabar.shell.apps.base import ServiceApp, build_app
from khabar.shell.service import SERVICES
from khabar.shell.settings import Settings

__all__ = ["create"]


def create(settings: Settings) -> ServiceApp:
    return build_app(SERVICES["tagger"], settings)
