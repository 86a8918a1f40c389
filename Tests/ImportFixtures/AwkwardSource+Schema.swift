// say "hi" \ \(boom) #{x}  	tab   ‮rtl ü 日本 😀 é
import OEEDSL

extension AwkwardSource {
    static var schema: Schema {
        Schema("") {
        }
    }
}
