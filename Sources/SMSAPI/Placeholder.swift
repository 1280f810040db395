public enum SMSAPIPlaceholder {}
