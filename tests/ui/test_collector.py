"""Qt objects left in reference cycles are destroyed on the main thread, whatever a worker allocates."""
import gc
import threading
import time
import weakref

from PySide6.QtCore import QTimer

from lo_desktop.app import create_application
from lo_desktop.ui.common.collector import MainThreadCollector


class Holder:
    pass


def test_qt_objects_in_cycles_die_on_the_main_thread_while_a_worker_allocates(main_thread_collector):
    died_on_main = []

    def left_in_a_cycle():
        holder = Holder()
        holder.timer, holder.me = QTimer(), holder
        weakref.finalize(holder, lambda: died_on_main.append(threading.current_thread() is threading.main_thread()))

    stop = threading.Event()

    def allocate():  # a search worker or a background task making garbage of its own
        while not stop.is_set():
            garbage = []
            garbage.append(garbage)

    worker = threading.Thread(target=allocate)
    worker.start()
    try:
        for _ in range(300):
            left_in_a_cycle()
            time.sleep(0.001)
    finally:
        stop.set()
        worker.join()
    assert died_on_main == []  # nothing was collected by the worker meanwhile
    main_thread_collector.collect()  # what the window's timer does every second
    assert len(died_on_main) == 300 and all(died_on_main)


def test_the_program_collects_on_its_main_thread():
    app = create_application()
    assert app.findChildren(MainThreadCollector) == [app.findChild(MainThreadCollector)]
    assert not gc.isenabled()


def test_the_window_does_not_collect_while_an_import_has_the_collector_paused(main_thread_collector):
    from lo_desktop.core import cycles

    alive = []

    @cycles.paused
    def bulk_work():  # an import in a background task: ~100,000 records, no cycles worth walking
        for _ in range(2000):
            holder = Holder()
            holder.me = holder
            alive.append(weakref.ref(holder))
        return main_thread_collector.collect()

    assert bulk_work() == 0 and all(ref() is not None for ref in alive)
    main_thread_collector.collect()
    assert all(ref() is None for ref in alive)
