"""The cleaner: raw articles -> clean articles (khabar.core.pipeline.clean_stage)."""

from __future__ import annotations

from khabar.shell.apps.base import ServiceApp, build_app
from khabar.shell.service import SERVICES
from khabar.shell.settings import Settings

__all__ = ["create"]


def create(settings: Settings) -> ServiceApp:
    return build_app(SERVICES["cleaner"], settings)
