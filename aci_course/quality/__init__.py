"""Quality gates: content safety, external links, valid and compact HTML, accessibility context."""
