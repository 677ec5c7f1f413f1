"""cmi5 courses: course structures (blocks and AUs) validated and imported."""
