import Testing
@testable import KamPolicy

@Suite struct CompetitionRankingTests {
    struct Item { let id: String; let value: Fen }

    @Test func tiesShareTheBestRankAndTheNextSkips() {
        let items = [Item(id: "D", value: 50), Item(id: "C", value: 80), Item(id: "A", value: 100),
                     Item(id: "B", value: 80)]
        let ranked = CompetitionRanking.rank(items, value: \.value) { $0.id < $1.id }
        #expect(ranked.map(\.rank) == [1, 2, 2, 4])
        #expect(ranked.map(\.item.id) == ["A", "B", "C", "D"])
    }

    @Test func zeroAndNegativeValuesAreNotRanked() {
        let items = [Item(id: "A", value: 0), Item(id: "B", value: -5), Item(id: "C", value: 1)]
        let ranked = CompetitionRanking.rank(items, value: \.value) { $0.id < $1.id }
        #expect(ranked.map(\.item.id) == ["C"])
        #expect(ranked.map(\.rank) == [1])
    }

    @Test func emptyInputRanksNothing() {
        #expect(CompetitionRanking.rank([Item](), value: \.value) { $0.id < $1.id }.isEmpty)
    }

    @Test func allTiedShareRankOne() {
        let items = (0..<3).map { Item(id: "\($0)", value: 7) }
        #expect(CompetitionRanking.rank(items, value: \.value) { $0.id < $1.id }.map(\.rank) == [1, 1, 1])
    }

    @Test func customerIDsOrderByCodePoint() {
        // "B" (0x42) precedes "a" (0x61); "00123" precedes "123".
        #expect(CustomerIDOrder.precedes("B", "a"))
        #expect(CustomerIDOrder.precedes("00123", "123"))
        #expect(!CustomerIDOrder.precedes("客", "A"))
    }
}
