import OEECommands

Oeedb.runMain()
