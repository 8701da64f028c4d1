import factory

from kring.accounts.models import RolloutWave, User
from kring.common import clock


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    display_name = factory.Faker("name", locale="nl_NL")
    job_title = "Leerkracht"
    role = User.Role.MEMBER
    status = User.Status.ACTIVE
    is_active = True
    activated_at = factory.LazyFunction(clock.now)
    password = factory.PostGenerationMethodCall("set_password", "correct-horse-battery")

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class WaveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RolloutWave

    name = factory.Sequence(lambda n: f"Wave {n}")
    starts_at = factory.LazyFunction(clock.now)
