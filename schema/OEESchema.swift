import OEEDSL
