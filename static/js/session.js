// Warns before the idle session ends and lets the user stay signed in.
// Only an enhancement: without JavaScript, text sent after expiry is kept and restored.
(function () {
  "use strict";
  var box = document.getElementById("sessie");
  if (!box) { return; }
  var expires = Date.parse(box.getAttribute("data-expires"));
  var warnMs = parseInt(box.getAttribute("data-warn-minutes"), 10) * 60000;
  var button = document.getElementById("sessie-verlengen");
  var shownAt = null;

  function schedule() {
    var wait = expires - warnMs - Date.now();
    window.setTimeout(show, Math.max(wait, 0));
  }

  function show() {
    // A live class view keeps the session alive and moves this time on (static/js/live.js).
    expires = Math.max(expires, Date.parse(box.getAttribute("data-expires")) || 0);
    if (Date.now() < expires - warnMs - 1000) { schedule(); return; }
    box.hidden = false;
    shownAt = document.activeElement;
    button.focus();
  }

  function extend() {
    var request = new XMLHttpRequest();
    request.open("POST", box.getAttribute("data-ping"));
    request.setRequestHeader("X-CSRFToken", box.getAttribute("data-csrf"));
    request.onload = function () {
      if (request.status === 200) {
        var answer = JSON.parse(request.responseText);
        expires = Date.parse(answer.expires);
        box.hidden = true;
        if (shownAt) { shownAt.focus(); }
        schedule();
      }
    };
    request.send();
  }

  button.addEventListener("click", extend);
  box.addEventListener("keydown", function (event) {
    if (event.key === "Tab") { event.preventDefault(); button.focus(); }
  });
  schedule();
})();
