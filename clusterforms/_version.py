"""The installed version of clusterforms."""

__version__ = "0.1.0.dev0"
