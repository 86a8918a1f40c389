import OEECommands
import PlantdbSchema

// Every oeedb command, over this package's model: migrations/, seeds/ and
// docs/ are read and written relative to the folder it runs in.
Oeedb.runMain(model: { PlantdbSchema.database })
