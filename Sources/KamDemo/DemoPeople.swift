/// A subsidiary's sales people, each in one role (SPEC §4.3): representatives who are also the
/// customers' account managers (客户经理), one sales manager and one company leader. A real
/// visit log has each person under their own title, not every title under every name.
struct DemoPeople {
    let representatives: [String]
    let manager: String
    let leader: String

    static let surnames = Array("张王李刘陈杨赵黄周吴徐孙胡朱高林何郭马罗").map(String.init)
    static let givenNames = ["伟", "芳", "强", "洋", "静", "敏", "磊", "军", "丽", "勇",
                             "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "刚"]

    /// One representative per dozen customers (3 to 40); `salt` varies the names between subsidiaries.
    init(customers: Int, salt: Int) {
        let count = min(max(customers / 12, 3), 40)
        // Person k: surname k mod 20 and a given name that differs whenever the surname repeats,
        // so names are distinct within a subsidiary.
        func name(_ k: Int) -> String {
            Self.surnames[k % 20] + Self.givenNames[(k / 20 + 7 * k + salt) % 20]
        }
        let offset = salt % 20
        representatives = (0..<count).map { name($0 + offset) }
        manager = name(count + offset)
        leader = name(count + offset + 1)
    }

    /// The representative a customer is assigned to at first.
    func representative(for index: Int) -> Int { index % representatives.count }
}
