"""The routes of one page module, collected where the views are, registered by their area.

A page module writes ``routes = Routes()`` and decorates its views with ``@routes.get(...)``
as it would with a blueprint; nothing is registered when the module is imported. The
area's ``register(app)`` hands each module's ``routes`` to the area's blueprint, so the
list of modules an area serves is written out in one place and no import has side effects.
"""

from dataclasses import dataclass
from dataclasses import field

from flask import Blueprint


@dataclass
class Route:
    """One URL rule of a view, as :meth:`flask.Blueprint.add_url_rule` takes it."""

    rule: str
    view: object
    options: dict


@dataclass
class Routes:
    """The URL rules of one module's views, waiting for a blueprint."""

    found: list[Route] = field(default_factory=list)

    def route(self, rule: str, **options):
        """Remember ``rule`` for the decorated view (``methods``, ``strict_slashes`` …)."""

        def decorate(view):
            """Keep the view as it is; it is added to a blueprint later."""
            self.found.append(Route(rule, view, options))
            return view

        return decorate

    def get(self, rule: str, **options):
        """Remember a GET rule for the decorated view."""
        return self.route(rule, methods=["GET"], **options)

    def post(self, rule: str, **options):
        """Remember a POST rule for the decorated view."""
        return self.route(rule, methods=["POST"], **options)

    def register(self, blueprint: Blueprint) -> None:
        """Add every remembered rule to ``blueprint``; the endpoint is the view's name."""
        for route in self.found:
            options = dict(route.options)
            endpoint = options.pop("endpoint", route.view.__name__)
            blueprint.add_url_rule(route.rule, endpoint, route.view, **options)
