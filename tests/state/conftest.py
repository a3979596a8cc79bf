from tests._support.fixtures import redis_url  # noqa: F401
