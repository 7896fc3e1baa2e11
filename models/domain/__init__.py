"""What Suoja's data is: entities and their allowed values, the plain data objects services
take and return, the rules for what a person types, and the errors everything raises.

The bottom of ``models``: nothing here imports storage, security, services or exports.
"""
