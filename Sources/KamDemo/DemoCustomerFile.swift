import SeededRandom

/// A customer's master record as the subsidiary keeps it: the same from quarter to quarter
/// except for the handful of fields a clerk actually changes (a new phone, a new contact, a
/// move, a customer handed to another account manager), so 客户档案变更 lists a few real changes.
struct DemoCustomerFile {
    var legalRepresentative: String
    var contact: String
    var phone: String
    var address: String
    /// Index into the subsidiary's representatives: the account manager (客户经理).
    var representative: Int

    static let legalRepresentatives = ["王建国", "李明", "赵丽", "孙志强", "钱文华", "周海涛"]
    static let contacts = ["周经理", "吴主任", "郑总", "冯会计", "陈采购", "褚经理"]

    static func make(customer: DemoCustomer, index: Int, people: DemoPeople, random r: inout SplitMix64) -> DemoCustomerFile {
        DemoCustomerFile(legalRepresentative: r.pick(legalRepresentatives),
                         // Some files are incomplete (完整度 below 100%): no contact, no phone.
                         contact: r.chance(0.12) ? "" : r.pick(contacts),
                         phone: r.chance(0.08) ? "" : phone(&r),
                         address: address(region: customer.region, &r),
                         representative: people.representative(for: index))
    }

    static func phone(_ r: inout SplitMix64) -> String { "139" + String(10_000_000 + r.int(89_999_999)) }
    static func address(region: String, _ r: inout SplitMix64) -> String { "\(region)某路\(1 + r.int(300))号" }

    /// One field changed the way clerks change them.
    mutating func change(region: String, people: DemoPeople, random r: inout SplitMix64) {
        switch r.int(5) {
        case 0: phone = Self.phone(&r)
        case 1: contact = r.pick(Self.contacts.filter { $0 != contact })
        case 2: address = Self.address(region: region, &r)
        case 3: representative = (representative + 1 + r.int(max(people.representatives.count - 1, 1))) % people.representatives.count
        default: legalRepresentative = r.pick(Self.legalRepresentatives.filter { $0 != legalRepresentative })
        }
    }
}
