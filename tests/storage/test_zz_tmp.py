import threading
from storage.db import open_database, current_revision

def test_two_starts(pg_url):
    barrier = threading.Barrier(3)
    errors = []
    def start():
        try:
            barrier.wait()
            e = open_database(pg_url)
            e.dispose()
        except Exception as exc:
            errors.append(exc)
    ts = [threading.Thread(target=start) for _ in range(3)]
    [t.start() for t in ts]; [t.join() for t in ts]
    print(errors)
    assert not errors
