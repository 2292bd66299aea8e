"""Search: the per-language split of static-i18n's merged index."""
