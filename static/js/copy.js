/* Copy buttons, as an enhancement only: without JavaScript the link is shown in full and
   can be selected by hand. [data-copy] names the id of the element whose text is copied;
   the button stays hidden until this script shows it, and says so when the copy worked. */
(function () {
  "use strict";

  Array.prototype.forEach.call(document.querySelectorAll("[data-copy]"), function (button) {
    var source = document.getElementById(button.getAttribute("data-copy"));
    var status = document.getElementById(button.getAttribute("data-copy-status"));
    if (!source || !navigator.clipboard) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(source.textContent.trim()).then(
        function () {
          if (status) {
            status.textContent = button.getAttribute("data-copied");
          }
        },
        function () {
          if (status) {
            status.textContent = button.getAttribute("data-copy-failed");
          }
        }
      );
    });
  });
})();
