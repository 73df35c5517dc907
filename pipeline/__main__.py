from . import tune_collector

tune_collector()  # before the command's imports, which make most of the start-up's objects
from .cli import main  # noqa: E402

main()
