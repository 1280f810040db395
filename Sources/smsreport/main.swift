print("smsreport")
