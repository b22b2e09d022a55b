// Small progressive enhancements: every page works without this file.
(function () {
  "use strict";

  // Changing the language selector switches at once; without script a button does it.
  document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });

  // The facet panel is open in the HTML so it works without script; on a narrow screen it
  // starts closed so the results come first, and it reopens if the window grows wide.
  document.querySelectorAll("details[data-collapse-below]").forEach(function (details) {
    var narrow = window.matchMedia("(max-width: " + details.dataset.collapseBelow + "px)");
    var apply = function () { details.open = !narrow.matches; };
    apply();
    narrow.addEventListener("change", apply);
  });

  // Copy buttons: the clipboard API needs a secure context, so plain-http deployments fall
  // back to selecting the text and the legacy copy command.
  function selectText(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function legacyCopy(element) {
    selectText(element);
    try {
      return document.execCommand("copy");
    } catch (error) {
      return false;
    }
  }

  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    var source = document.getElementById(button.dataset.copy);
    var status = button.parentElement.querySelector(".copy-status");
    var report = function (ok) {
      if (!ok) selectText(source);
      status.textContent = ok ? button.dataset.copied : button.dataset.copyFailed;
    };
    button.addEventListener("click", function () {
      var text = source.textContent.trim();
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(
          function () { report(true); },
          function () { report(legacyCopy(source)); }
        );
      } else {
        report(legacyCopy(source));
      }
    });
  });
})();
