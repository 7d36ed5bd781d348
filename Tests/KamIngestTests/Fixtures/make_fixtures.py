#!/usr/bin/env python3
"""Writes the messy-export fixture corpus. Kept so the bytes can be re-made and read; the
expected totals and errors are written by hand in FixtureCorpusTests.swift."""
import os
here = os.path.dirname(os.path.abspath(__file__))
def w(name, data):
    with open(os.path.join(here, name), "wb") as f:
        f.write(data)

# 1. GB18030 from Excel on Chinese Windows: Chinese headers, CRLF, quoted commas, thousands
# separators, both yuan signs, ASCII and full-width parentheses, all four date forms + time.
w("sales_2026-09_gb18030.csv", (
    "日期,客户编码,客户名称,产品,数量,金额,成本\r\n"
    "2026-09-01,00123,\"华东化工, 有限公司\",钛白粉,\"1,000\",\"1,234.50\",\"1,000.00\"\r\n"
    "2026/9/2,00123,华东化工有限公司,烧碱,5,¥100,￥80.5\r\n"
    "2026.09.03,C-7,上海（浦东）材料,PVC,-2,(20.00),（15）\r\n"
    "20260904,C-7,上海浦东材料,PVC,1,￥-5.05,\r\n"
    "2026-09-30 23:59:59,00123,华东化工有限公司,钛白粉,0,  -0.45 ,0\r\n"
).encode("gb18030"))
# 2. UTF-8 with BOM and CRLF, a quoted newline and doubled quotes in a name, an extra column,
# English headers in mixed case, a trailing empty line.
w("sales_2026Q3_bom_crlf.csv", b"\xef\xbb\xbf" + (
    "Date,Customer_ID,CUSTOMER_NAME,Amount,Remark\r\n"
    "2026-07-15,K1,\"两行\r\n名称 \"\"甲\"\"\",10.10,x\r\n"
    "2026-08-15 00:00,K2,乙,20.2,y\r\n"
    "2026-09-15,K1,甲,30,z\r\n"
    "\r\n"
).encode("utf-8"))
# 3. Semicolons, a subsidiary's own amount header (config columns), no cost column.
w("sales_2026-09_semicolon.csv", "date;customer_id;customer_name;含税金额\n20260901;700000;\"a;b\";1.5\n20260902;700001;c;2\n".encode())
# 4. Tabs.
w("sales_2026-09_tabs.csv", "日期\t客户编码\t客户名称\t金额\n2026-09-01\tT1\t甲\t7\n2026-09-02\tT2\t乙\t\"8,000\"\n".encode())
# 5. Ids Excel has mangled.
w("sales_2026-09_excel_ids.csv", "date,customer_id,customer_name,amount\n2026-09-01,1.23E+17,a,1\n2026-09-01,9.1e5,b,1\n2026-09-01,1234567890123450000,c,1\n2026-09-01,1234567890123456789,d,1\n2026-09-01,00042,e,1\n".encode())
# 6. Ragged rows.
w("sales_2026-09_ragged.csv", "date,customer_id,customer_name,amount\n2026-09-01,C1,a\n2026-09-01,C1,a,1,extra\n2026-09-01,C1,a,1\n".encode())
# 7. A repeated header. 8. Two headers for one column.
w("sales_2026-09_dup_header.csv", "date,customer_id,customer_name,amount,Amount\n2026-09-01,C1,a,1,1\n".encode())
w("sales_2026-09_two_headers.csv", "date,customer_id,客户编码,customer_name,amount\n2026-09-01,C1,C1,a,1\n".encode())
# 9. A snapshot with the same customer twice (three times).
w("receivables_2026Q3_dups.csv", "客户编码,应收余额,逾期金额,本期回款,付款方式\nR1,100,0,50,现款\nR2,200,10,0,月结30\nR1,999,0,0,现款\n R1 ,1,1,1,\n".encode())
# 10. Empty (whitespace only). 11. Header only.
w("sales_2026-09_empty.csv", b" \r\n\r\n")
w("customers_2026Q3_header_only.csv", "客户编码,客户名称,统一社会信用代码\r\n".encode())
# 12. Binary: a zip (what "save as xlsx, rename to csv" gives).
w("sales_2026-09_binary.csv", b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00" + bytes(range(256)))
# 14. A month period for a quarter kind.
w("visits_2026-09.csv", "date,customer_id,visitor,role\n2026-09-01,C1,王五,销售代表\n".encode())
# 15. Rows outside the period.
w("sales_2026-09_outside.csv", "date,customer_id,customer_name,amount\n2026-08-31,C1,a,1\n2026-09-01,C1,a,2\n2026-10-01 00:00:00,C1,a,3\n".encode())
# 16. Visits: a bad role, a purpose outside the five (kept), a date outside the quarter, no visitor.
w("visits_2026Q3_messy.csv", "日期,客户编码,拜访人,职务,拜访目的,备注\n2026-07-01,C1,王五,公司领导,客情建设,\n2026-07-02,C1,王五,总经理,市场维护,\n2026-09-30,C2,赵六,销售代表,喝茶聊天,\"备注, 有逗号\"\n2026-10-01,C2,赵六,销售代表,信息收集,\n2026-08-01,C3,,销售主管,,\n".encode())
# 17. Approvals with formats; customers with an invalid credit code (not a row error).
w("approvals_2026Q3.csv", "customer_id,approved_limit,approved_by\nA1,\"1,290,000.00\",总经理\nA2,￥500,\nA3,,总经理\n".encode())
w("customers_2026Q3_codes.csv", "客户编码,客户名称,统一社会信用代码,行业\nK1,甲公司,91310000MA1FL0000X,化工\nK2,乙公司,NOT-A-CODE,\nK3,,91310000MA1FL0001X,医药\n".encode())
# 18. Amounts that must be refused.
w("sales_2026-09_bad_amounts.csv", "date,customer_id,customer_name,amount,cost\n2026-09-01,C1,a,1.234,0\n2026-09-01,C1,a,\"1,5\",0\n2026-09-01,C1,a,12a,0\n2026-09-01,C1,a,\"12,34.00\",0\n2026-09-01,C1,a,,0\n2026-09-01,C1,a,5,$5\n2026-09-01,C1,a,（5）,(0.5)\n".encode())
# 19. Dates that must be refused.
w("sales_2026-09_bad_dates.csv", "date,customer_id,customer_name,amount\n2026-9-31,C1,a,1\n2026-09-30T00:00,C1,a,1\n30/09/2026,C1,a,1\n2026-09-30 25:00:00x,C1,a,1\n2026-9-30 8:05,C1,a,1\n".encode())
# 20. An unterminated quote.
w("sales_2026-09_unterminated.csv", "date,customer_id,customer_name,amount\n2026-09-01,C1,a,1\n2026-09-02,C2,\"open,1\n2026-09-03,C3,b,1\n".encode())
# 21. GB18030 bytes where config says utf-8.
w("sales_2026-09_wrong_encoding.csv", "date,customer_id,customer_name,amount\n2026-09-01,C1,华东,1\n".encode("gb18030"))
# 22. A quantity that is not a number. 23. Records with only empty fields are skipped.
w("sales_2026-09_quantity.csv", "date,customer_id,customer_name,quantity,amount\n2026-09-01,C1,a,十,1\n2026-09-01,C1,a,\"1,000.5\",1\n2026-09-01,C1,a,,1\n".encode())
w("sales_2026-09_blank_records.csv", "\n\ndate,customer_id,customer_name,amount\n,,,\n \t, , ,\u3000\n2026-09-01,C1,a,1\n\n".encode())
