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
    var timer = window.setInterval(function () {
      if (busy || document.hidden) {
        return;
      }
      busy = true;
      fetch(url, { credentials: "same-origin", headers: { Accept: "text/html" } })
        .then(function (response) {
          // A signed-out trainer gets the login page instead: stop rather than show it here.
          if (!response.ok || response.headers.get("X-Meldcode-Fragment") !== "1") {
            throw new Error("no fragment");
          }
          return response.text();
        })
        .then(function (html) {
          var parsed = new DOMParser().parseFromString(html, "text/html");
          live.replaceChildren.apply(live, Array.prototype.slice.call(parsed.body.childNodes));
          failures = 0;
        })
        .catch(function () {
          failures += 1;
          if (failures >= 5) {
            window.clearInterval(timer);
          }
        })
        .then(function () {
          busy = false;
        });
    }, seconds * 1000);
  }
})();
