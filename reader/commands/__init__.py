"""One module per `reader` subcommand: ``register(subparsers)`` and ``run(args)``."""
