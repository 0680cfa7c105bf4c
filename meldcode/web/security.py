"""Response headers that lock every page down, and error pages that never show internals.

The pages need nothing from outside this site and run no inline code, so the Content
Security Policy can forbid both; a page that breaks under it has a bug to fix, not a
policy to loosen. Every page but the static files is ``Cache-Control: no-store``: pages
carry case content, a CSRF token or the signed-in user's name, none of which may stay in
a browser's or a proxy's cache. With ``HTTPS`` set, every response carries HSTS, also when
a proxy in front ends TLS and the app itself sees plain HTTP.
"""

from flask import Flask
from flask import Response
from flask import current_app
from flask import render_template
from flask import request
from werkzeug.exceptions import HTTPException
from werkzeug.exceptions import InternalServerError

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    )
)

# Powerful browser features this tool never uses; denying them limits what an injected
# page or a compromised dependency could do.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "publickey-credentials-get",
        "screen-wake-lock",
        "usb",
        "xr-spatial-tracking",
    )
)

HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": PERMISSIONS_POLICY,
    "Cross-Origin-Opener-Policy": "same-origin",
    # Older browsers ignore frame-ancestors; this keeps them from framing the pages too.
    "X-Frame-Options": "DENY",
}


def init_app(app: Flask) -> None:
    """Add the security headers to every response and register the error pages."""
    app.after_request(add_headers)
    app.register_error_handler(404, _not_found)
    app.register_error_handler(InternalServerError, _server_error)
    app.register_error_handler(HTTPException, _other_http_error)


# Two years, the value the HSTS preload list asks for; subdomains are left alone, they may
# be other services of the same organisation.
STRICT_TRANSPORT_SECURITY = "max-age=63072000"
NO_STORE = "no-store"


def add_headers(response):
    """Set the security headers on a response."""
    for name, value in HEADERS.items():
        response.headers[name] = value
    if current_app.config.get("HTTPS"):
        response.headers["Strict-Transport-Security"] = STRICT_TRANSPORT_SECURITY
    if request.endpoint != "static":
        # Nothing but the shared stylesheets, scripts and fonts may be kept by a cache.
        response.headers["Cache-Control"] = NO_STORE
    return response


def _not_found(_error: HTTPException):
    """Show a friendly page for an address that does not exist."""
    return render_template("errors/404.html"), 404


def _server_error(_error: InternalServerError):
    """Show a friendly page for a bug; the traceback goes to the log, never to the user."""
    try:
        return render_template("errors/500.html"), 500
    except Exception:  # noqa: BLE001 - the page itself failed; still no traceback
        # Plain text, because whatever broke may be templating or translation itself.
        text = "Er ging iets mis. / Something went wrong. Veilig Thuis: 0800-2000"
        return Response(text, 500, mimetype="text/plain")


def _other_http_error(error: HTTPException):
    """Show a friendly page for any other HTTP error (wrong method, bad request …)."""
    if error.code is None or error.code < 400:
        # Redirects and other non-errors raised as exceptions pass through unchanged.
        return error
    return render_template("errors/other.html", code=error.code), error.code
