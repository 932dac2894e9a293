"""Tests of khabar.core.events: a package so that module names such as test_dates and
test_seeds do not clash with other areas' tests."""
