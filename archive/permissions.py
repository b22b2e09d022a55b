"""The `curator` group: edits archive content, never users, groups or readers' saved searches."""
CURATED_MODELS = ["park", "source", "rawpage", "article", "articlepark", "figure", "articlefigure", "initiative", "articleinitiative"]
ACTIONS = ("add", "change", "delete", "view")


def ensure_curator_group(group_model, permission_model):
    group, _ = group_model.objects.get_or_create(name="curator")
    codenames = [f"{action}_{model}" for model in CURATED_MODELS for action in ACTIONS]
    group.permissions.set(permission_model.objects.filter(content_type__app_label="archive", codename__in=codenames))
    return group
