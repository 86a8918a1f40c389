import OEECommands
import OEESchema

Oeedb.runMain(model: { OEESchema.database })
