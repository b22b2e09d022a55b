"""Signed-in readers keep their searches: save, list, rename, delete (each only their own)."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .feeds import feed_token
from .forms import RenameForm, SavedSearchForm


@login_required
def saved_list(request):
    if request.method == "POST":
        form = SavedSearchForm(request.POST)
        if form.is_valid():
            saved = form.save(commit=False)
            saved.owner = request.user
            saved.save()
            messages.success(request, _("已保存检索“%(name)s”。") % {"name": saved.name})
            return redirect("search:saved")
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    searches = [(saved, feed_token(saved)) for saved in request.user.saved_searches.all()]
    return render(request, "search/saved_list.html", {"searches": searches})


@login_required
@require_POST
def saved_rename(request, pk):
    saved = get_object_or_404(request.user.saved_searches, pk=pk)
    form = RenameForm(request.POST, instance=saved)
    if form.is_valid():
        form.save()
        messages.success(request, _("已重命名。"))
    else:
        messages.error(request, _("名称无效。"))
    return redirect("search:saved")


@login_required
@require_POST
def saved_delete(request, pk):
    saved = get_object_or_404(request.user.saved_searches, pk=pk)
    saved.delete()
    messages.success(request, _("已删除检索“%(name)s”。") % {"name": saved.name})
    return redirect("search:saved")
