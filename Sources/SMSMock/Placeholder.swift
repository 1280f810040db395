public enum SMSMockPlaceholder {}
