import OEEDiff
