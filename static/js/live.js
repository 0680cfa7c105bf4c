/* Training pages, as an enhancement only (they work without it): a live class view
   ([data-live]) fetches its fragment every few seconds and swaps it in, so focus and scroll
   stay where they are (without JavaScript the page refreshes itself). */
(function () {
  "use strict";

  var live = document.querySelector("[data-live]");
  if (live && !live.hasAttribute("data-live-paused")) {
    var url = live.getAttribute("data-live");
    var seconds = parseInt(live.getAttribute("data-live-seconds"), 10) || 5;
    var busy = false;
    var failures = 0;
    var skip = 0;
    var stale = document.querySelector("[data-live-stale]");
    var lastGood = new Date();
    // Never give up (a projector runs for hours); after a few failures try less often and say
    // since when the view shows old figures. Each fetch also keeps the trainer signed in.
    window.setInterval(function () {
      if (busy || document.hidden) {
        return;
      }
      if (skip > 0) {
        skip -= 1;
        return;
      }
      busy = true;
      fetch(url, { credentials: "same-origin", headers: { Accept: "text/html" } })
        .then(function (response) {
          // A signed-out trainer gets the login page instead: stop rather than show it here.
          if (!response.ok || response.headers.get("X-Meldcode-Fragment") !== "1") {
            throw new Error("no fragment");
          }
          var ends = response.headers.get("X-Meldcode-Session-Expires");
          var box = document.getElementById("sessie");
          if (ends && box) {
            box.setAttribute("data-expires", ends); // session.js reads it before warning
          }
          return response.text();
        })
        .then(function (html) {
          var parsed = new DOMParser().parseFromString(html, "text/html");
          live.replaceChildren.apply(live, Array.prototype.slice.call(parsed.body.childNodes));
          failures = 0;
          lastGood = new Date();
          if (stale) {
            stale.hidden = true;
          }
        })
        .catch(function () {
          failures += 1;
          skip = Math.min(failures, 6) - 1;
          if (stale && failures >= 2) {
            var time = ("0" + lastGood.getHours()).slice(-2) + ":" + ("0" + lastGood.getMinutes()).slice(-2);
            stale.querySelector("p").textContent = stale.getAttribute("data-stale-text").replace("{tijd}", time);
            stale.hidden = false;
          }
        })
        .then(function () {
          busy = false;
        });
    }, seconds * 1000);
  }
})();
