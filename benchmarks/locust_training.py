"""The locust users of the training benchmark (bench_training): participants, a trainer,
and the baseline. Locust loads this file; it reads its settings from the environment."""

import itertools
import json
import os
import random
import re
import time

import gevent
from locust import HttpUser
from locust import between
from locust import events
from locust import task
from locust.exception import StopUser

CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
TODO = re.compile(r'href="/oefenen/vraag/(\w+)">Beantwoorden')
NEXT = re.compile(r'href="(/oefenen/stap/\d)">Verder naar stap')
OUT = os.environ["BENCH_OUT"]
MODEL = json.loads(os.environ["BENCH_MODEL"])
PARTICIPANTS = int(os.environ["BENCH_PARTICIPANTS"])
TYPING = json.loads(os.environ["BENCH_TYPING"])
BASELINE = os.environ["BENCH_BASELINE"]
finished = []
times = []
quitting = []


@events.request.add_listener
def _timed(request_type, name, response_time, response_length, exception=None, **kw):
    times.append((name, response_time, exception is None))


@events.quitting.add_listener
def _dump(environment, **kw):
    with open(os.path.join(OUT, "times.json"), "w") as handle:
        json.dump(times, handle)
    with open(os.path.join(OUT, "participants.json"), "w") as handle:
        json.dump(finished, handle)


def choose(qid):
    model = MODEL.get(qid, "nee")
    if isinstance(model, list):
        return model[0]
    if random.random() < 0.75:
        return model
    return "nee" if model == "ja" else "ja"


class Participant(HttpUser):
    wait_time = between(2, 6)
    weight = 10

    def on_start(self):
        # Phones in classes of 25 behind one school address each (the app trusts one proxy):
        # the join limit per address is set for a class, not for 200 phones on one address.
        number = next(PHONES)
        self.client.headers["X-Forwarded-For"] = f"10.0.{number // 25}.{number % 25 + 1}"

    def page(self, url, name):
        with self.client.get(url, name=name, allow_redirects=False, catch_response=True) as r:
            if r.status_code not in (200, 303):
                r.failure(f"status {r.status_code}")
            return r

    def post(self, url, data, name):
        with self.client.post(
            url, data=data, name=name, allow_redirects=False, catch_response=True
        ) as r:
            if r.status_code != 303:
                r.failure(f"status {r.status_code}")
                raise StopUser()
            return r.headers["Location"].split("#")[0]

    @task
    def exercise(self):
        join = self.page("/oefenen/?code=" + os.environ["BENCH_CODE"], "join: page")
        token = CSRF.search(join.text).group(1)
        time.sleep(self.wait_time())
        url = self.post(
            "/oefenen/",
            {"csrf_token": token, "code": os.environ["BENCH_CODE"], "naam": ""},
            "join: post",
        )
        given = {}
        for _ in range(60):
            time.sleep(self.wait_time())
            if url.startswith("/oefenen/vraag/"):
                qid = url.rsplit("/", 1)[1]
                r = self.page(url, "participant: question")
                value = choose(qid)
                time.sleep(random.uniform(*TYPING))  # weighing and typing the motivation
                url = self.post(
                    url,
                    {
                        "csrf_token": CSRF.search(r.text).group(1),
                        qid: value,
                        "motivatie": "Zo weeg ik het op grond van de feiten.",
                    },
                    "participant: answer",
                )
                given[qid] = value
                continue
            name = "participant: outcome" if url == "/oefenen/uitkomst" else "participant: step"
            r = self.page(url, name)
            if r.status_code == 303:
                url = r.headers["Location"].split("#")[0]
                continue
            if url == "/oefenen/uitkomst":
                break
            todo, following = TODO.search(r.text), NEXT.search(r.text)
            if todo:
                url = "/oefenen/vraag/" + todo.group(1)
            elif following:
                url = following.group(1)
            elif 'href="/oefenen/uitkomst"' in r.text:
                url = "/oefenen/uitkomst"
            else:
                r.failure("no way on")
                raise StopUser()
        finished.append({"answers": given, "cookie": self.client.cookies.get("meldcode")})
        raise StopUser()


PHONES = itertools.count()


class Trainer(HttpUser):
    fixed_count = 1
    wait_time = between(2, 4)

    def on_start(self):
        self.client.cookies.set("meldcode", os.environ["BENCH_TRAINER_COOKIE"])
        self.looks = 0

    @task
    def look(self):
        url = "/oefensessies/" + os.environ["BENCH_SESSION"]
        self.looks += 1
        if self.looks % 5 == 0:
            self.client.get(url, name="trainer: session page")
        else:
            self.client.get(url + "/live", name="trainer: live view")
        if len(finished) >= PARTICIPANTS and not quitting:
            # Not from this greenlet: quitting stops every user, this one included.
            quitting.append(True)
            gevent.spawn_later(1, self.environment.runner.quit)


class Baseline(HttpUser):
    fixed_count = 20
    wait_time = between(2, 6)

    @task
    def form(self):
        # Full addresses: locust gives every user class the --host of our app.
        r = self.client.get(BASELINE + "/form", name="baseline: page")
        token = CSRF.search(r.text).group(1)
        self.client.post(
            BASELINE + "/form",
            name="baseline: post",
            allow_redirects=False,
            data={
                "csrf_token": token,
                "naam": "Jan",
                "datum": "2026-09-14",
                "keuze": "a",
                "radio": "ja",
                "tekst": "Een regel tekst.",
                "akkoord": "y",
            },
        )
