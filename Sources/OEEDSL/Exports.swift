// Writing a schema needs only `import OEEDSL`: the model types come with it.
@_exported import OEEModel
