import OEEModel
