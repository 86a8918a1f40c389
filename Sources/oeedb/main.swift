import OEECommands

Oeedb.main()
