from urllib.parse import parse_qsl

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from archive.models import SavedSearch

from .params import params_from_querydict


class SavedSearchForm(forms.ModelForm):
    class Meta:
        model = SavedSearch
        fields = ["name", "query_string"]
        widgets = {"query_string": forms.HiddenInput}

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("请为检索起一个名称。"))
        return name

    def clean_query_string(self):
        """Store the canonical form, so a saved search and its bookmark are the same URL."""
        raw = self.cleaned_data["query_string"].lstrip("?")
        query = QueryDict(mutable=True)
        for key, value in parse_qsl(raw, keep_blank_values=True):
            query.appendlist(key, value)
        params = params_from_querydict(query)
        if params.notices:
            raise forms.ValidationError(_("这个检索含有无效的参数，无法保存。"))
        return params.query_string(page=1)


class RenameForm(forms.ModelForm):
    class Meta:
        model = SavedSearch
        fields = ["name"]
