"""The staff plan without a database: counts, spread and determinism."""

import random
from collections import Counter

from kring.demo import words
from kring.demo.builders import staff
from kring.demo.credentials import DEMO_LOGINS


def plan_for(seed):
    return staff.build_plan(lambda stream: random.Random(f"test:{seed}:{stream}"))


def test_plan_has_the_section_11_mix():
    plan = plan_for(1)
    assert Counter(p.category for p in plan.people) == words.CATEGORY_COUNTS
    assert sum(plan.school_sizes.values()) == 495
    assert Counter(p.wave for p in plan.people) == {1: 60, 2: 465}
    assert Counter(p.status for p in plan.people) == {
        "active": 419,
        "invited": 104,
        "deactivated": 2,
    }


def test_same_seed_same_plan_other_seed_other_plan():
    def summary(plan):
        return [
            (p.display_name, p.email, p.job_title, p.unit, p.wave, p.status, p.activated_at)
            for p in plan.people
        ]

    assert summary(plan_for(3)) == summary(plan_for(3))
    assert summary(plan_for(3)) != summary(plan_for(4))


def test_demo_logins_keep_their_names_schools_and_titles():
    for seed in (1, 2, 3):
        plan = plan_for(seed)
        for demo in DEMO_LOGINS:
            p = plan.by_email(demo.email)
            assert (p.display_name, p.unit, p.job_title, p.role) == (
                demo.display_name, demo.unit, demo.job_title, demo.role,
            )  # fmt: skip
            assert p.status == staff.ACTIVE
            assert p.index not in plan.informal_leaders
        assert plan.chasm_school not in {d.unit for d in DEMO_LOGINS}


def test_the_chasm_school_has_one_enthusiast_and_no_leader():
    for seed in range(5):
        plan = plan_for(seed)
        wave_1 = [p for p in plan.people if p.wave == 1 and p.school == plan.chasm_school]
        assert len(wave_1) == 1
        assert all(plan.people[i].school != plan.chasm_school for i in plan.informal_leaders)


def test_email_local_part_folds_accents_and_particles():
    assert staff.email_local_part("Jan van der Meer", "Jan") == "jan.vandermeer"
    assert staff.email_local_part("Vincent Öztürk", "Vincent") == "vincent.ozturk"
    assert staff.email_local_part("Roos in 't Veld", "Roos") == "roos.intveld"


def test_apportion_keeps_the_total():
    assert staff._apportion(380, [21, 25, 27, 29]) == [78, 93, 101, 108]
    assert sum(staff._apportion(101, [3, 3, 3])) == 101
