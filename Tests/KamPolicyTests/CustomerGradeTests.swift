import Testing
@testable import KamPolicy

@Suite struct CustomerGradeTests {
    let settings = GradingSettings()

    @Test func sharesBeforeEachCustomerDecideTheGrade() throws {
        // T = 1000. before: A 0, B 0.5, C 0.7, D 0.85, E 0.95.
        let ttm: [String: Fen] = ["A": 500, "B": 200, "C": 150, "D": 100, "E": 50]
        let g = try CustomerGrade.grades(ttm: ttm, settings: settings)
        #expect(g == ["A": .a, "B": .a, "C": .b, "D": .b, "E": .c])
    }

    @Test func tiedCustomersAtABoundaryGetTheSameGrade() throws {
        // T = 1000. X1 600: before 0 → A. X2, X3 tie at 150: before 0.6 for both → A
        // (even though X2 alone brings the cumulative share to 0.75). Y 100: before 0.9 → C.
        let ttm: [String: Fen] = ["X1": 600, "X2": 150, "X3": 150, "Y": 100]
        let g = try CustomerGrade.grades(ttm: ttm, settings: settings)
        #expect(g == ["X1": .a, "X2": .a, "X3": .a, "Y": .c])
    }

    @Test func exactlyAtTheShareIsNotBelowIt() throws {
        // T = 10. before(B) = 7/10 = 0.70, not < 0.70 → B. before(C) = 9/10 = 0.90 → C.
        let ttm: [String: Fen] = ["A": 7, "B": 2, "C": 1]
        let g = try CustomerGrade.grades(ttm: ttm, settings: settings)
        #expect(g == ["A": .a, "B": .b, "C": .c])
    }

    @Test func zeroAndNegativeTTMAreNotGraded() throws {
        let ttm: [String: Fen] = ["A": 100, "Z": 0, "N": -20]
        let g = try CustomerGrade.grades(ttm: ttm, settings: settings)
        #expect(g == ["A": .a])
    }

    @Test func noPositiveTTMGradesNobody() throws {
        #expect(try CustomerGrade.grades(ttm: ["Z": Fen(0)], settings: settings).isEmpty)
        #expect(try CustomerGrade.grades(ttm: [String: Fen](), settings: settings).isEmpty)
    }

    @Test(arguments: [
        (Optional(CustomerGrade.b), Optional(CustomerGrade.a), Optional(GradeChange.up)),
        (.c, .b, .up),
        (.a, .c, .down),
        (.b, .b, .same),
        (nil, .c, .new),
        (.a, nil, .lost),
        (nil, nil, nil),
    ])
    func gradeChange(previous: CustomerGrade?, current: CustomerGrade?, expected: GradeChange?) {
        #expect(GradeChange.between(previous: previous, current: current) == expected)
    }
}
