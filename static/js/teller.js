// A character counter under a long text, shown near its limit. Only an enhancement: without
// JavaScript the hint under the field names the limit, and the server refuses more with the
// text kept (never a maxlength that cuts pasted text off without a word).
(function () {
  "use strict";
  var NEAR = 0.9; // show the count from 90% of the limit on, as GOV.UK's threshold does

  function say(box, template, n) {
    return box.getAttribute(template).replace("{n}", n.toLocaleString(document.documentElement.lang));
  }

  function watch(box) {
    var field = document.getElementById(box.getAttribute("data-for"));
    if (!field) { return; }
    var limit = parseInt(box.getAttribute("data-limit"), 10);
    var plain = box.textContent;
    var status = document.createElement("span");
    status.className = "visually-hidden";
    status.setAttribute("aria-live", "polite");
    box.parentNode.insertBefore(status, box.nextSibling);
    var timer = null;

    function update() {
      // The browser gives a line break as one character; the server counts it as one too.
      var left = limit - field.value.length;
      var text = plain;
      if (field.value.length >= limit * NEAR || left < 0) {
        if (left >= 0) {
          text = left === 1 ? box.getAttribute("data-left-one") : say(box, "data-left", left);
        } else {
          text = left === -1 ? box.getAttribute("data-over-one") : say(box, "data-over", -left);
        }
      }
      box.textContent = text;
      box.classList.toggle("character-count--over", left < 0);
      window.clearTimeout(timer); // a screen reader hears the count once typing pauses
      timer = window.setTimeout(function () { status.textContent = text === plain ? "" : text; }, 1000);
    }

    field.addEventListener("input", update);
    update();
  }

  var boxes = document.querySelectorAll(".character-count[data-limit]");
  for (var i = 0; i < boxes.length; i++) { watch(boxes[i]); }
})();
