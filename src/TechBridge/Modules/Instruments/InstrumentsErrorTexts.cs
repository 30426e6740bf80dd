namespace TechBridge.Modules.Instruments;

// The instrument catalog and bookings: fields as the forms label them, the booking rules in words, and the conflicts.
internal sealed class InstrumentsErrorTexts : IErrorTextSource
{
    public IEnumerable<ErrorText> Texts => Fields.Concat(Rules).Concat(Codes);

    private static IEnumerable<ErrorText> Fields =>
    [
        new("field:model", "型号", "Model"),
        new("field:manufacturer", "生产厂家", "Manufacturer"),
        new("field:categoryCode", "仪器类别", "Category"),
        new("field:category", "仪器类别", "Category"),
        new("field:valueBand", "原值区间", "Value band"),
        new("field:fundingSourceCode", "购置经费来源", "Funding source"),
        new("field:originalValueFen", "仪器原值", "Original value"),
        new("field:purchaseDate", "购置日期", "Purchase date"),
        new("field:ratedHoursPerYear", "年额定机时", "Rated hours a year"),
        new("field:technicians", "技术人员", "Technicians"),
        new("field:requiredTraining", "上机培训要求", "Required training"),
        new("field:rules.minDurationMinutes", "最短预约时长", "Shortest booking"),
        new("field:rules.maxDurationMinutes", "最长预约时长", "Longest booking"),
        new("field:rules.minNoticeMinutes", "最短提前预约时间", "Minimum notice"),
        new("field:rules.maxAdvanceDays", "最远可提前预约天数", "Furthest advance"),
        new("field:rules.bufferMinutes", "预约间隔缓冲时间", "Buffer between bookings"),
        new("field:rules.cancellationWindowHours", "免费取消时限", "Cancellation window"),
        new("field:rules.cancellationFeeFen", "逾时取消费", "Late cancellation fee"),
        new("field:fees.mode", "收费方式", "Charging method"),
        new("field:fees.depreciationYears", "折旧年限", "Depreciation years"),
        new("field:fees.consumablesPerHourFen", "每小时耗材、水电及维护费", "Consumables, utilities and upkeep per hour"),
        new("field:fees.rates", "收费标准", "Rates"),
        new("field:fees.rates.priceGroup", "价格组", "Price group"),
        new("field:fees.rates.fromMinutes", "阶梯起点", "Step starts at"),
        new("field:fees.rates.hourlyFen", "每小时收费", "Hourly rate"),
        new("field:start", "开始时间", "Start"),
        new("field:end", "结束时间", "End"),
        new("field:instrument", "仪器", "Instrument"),
        new("field:occurrences", "重复次数", "Occurrences"),
        new("field:frequency", "重复方式", "Repeat"),
        new("field:until", "重复截止日期", "Repeat until"),
        new("field:month", "月份", "Month"),
        new("field:minutes", "时长", "Length"),
    ];

    private static IEnumerable<ErrorText> Rules =>
    [
        new("rule:notInFuture@purchaseDate", "购置日期不能晚于今天。", "The purchase date cannot be later than today."),
        new("rule:range@originalValueFen", "仪器原值须大于零，且不超过 10 亿元。", "The original value must be more than zero and at most 1 billion yuan."),
        new("rule:range@ratedHoursPerYear", "年额定机时应为 {min} 至 {max} 小时。", "Rated hours a year are {min} to {max}."),
        new("rule:range@rules.minDurationMinutes", "最短预约时长应为 {min} 至 {max} 分钟。", "The shortest booking is {min} to {max} minutes."),
        new("rule:range@rules.maxDurationMinutes", "最长预约时长应为 {min} 至 {max} 分钟。", "The longest booking is {min} to {max} minutes."),
        new("rule:notBelowMinimum@rules.maxDurationMinutes", "最长预约时长不能短于最短预约时长。", "The longest booking cannot be shorter than the shortest."),
        new("rule:range@rules.minNoticeMinutes", "最短提前预约时间应为 {min} 至 {max} 分钟。", "The minimum notice is {min} to {max} minutes."),
        new("rule:range@rules.maxAdvanceDays", "最远可提前预约 {min} 至 {max} 天。", "Bookings open {min} to {max} days ahead."),
        new("rule:range@rules.bufferMinutes", "预约间隔缓冲时间应为 {min} 至 {max} 分钟。", "The buffer between bookings is {min} to {max} minutes."),
        new("rule:range@rules.cancellationWindowHours", "免费取消时限应为 {min} 至 {max} 小时。", "The cancellation window is {min} to {max} hours."),
        new("rule:range@rules.cancellationFeeFen", "逾时取消费应为 0 至 10 万元。", "The late cancellation fee is 0 to 100,000 yuan."),
        new("rule:range@fees.depreciationYears", "折旧年限应为 {min} 至 {max} 年。", "Depreciation takes {min} to {max} years."),
        new("rule:range@fees.consumablesPerHourFen", "每小时耗材、水电及维护费应为 0 至 100 万元。", "Consumables per hour are 0 to 1 million yuan."),
        new("rule:range@fees.rates.hourlyFen", "每小时收费应为 0 至 100 万元。", "The hourly rate is 0 to 1 million yuan."),
        new("rule:duplicateStep@fees.rates.fromMinutes", "同一价格组的各个阶梯须从不同的分钟开始。", "Each step of a price group starts at a different minute."),
        new("rule:firstStepFromZero@fees.rates", "每个价格组的第一个阶梯须从第 0 分钟开始。", "Each price group's first step starts at minute 0."),
        new("rule:tooManySteps@fees.rates", "每个价格组最多 {max} 个阶梯。", "A price group has at most {max} steps."),
        new("rule:endAfterStart@end", "结束时间须晚于开始时间。", "The end must be after the start."),
        new("rule:longerThanRepeat@end", "每次预约须在下一次开始前结束。", "Each occurrence must end before the next one starts."),
        new("rule:minDuration@end", "预约时长短于该仪器的最短预约时长（{minutes} 分钟）。", "The booking is shorter than this instrument's minimum of {minutes} minutes."),
        new("rule:maxDuration@end", "预约时长超过该仪器的最长预约时长（{minutes} 分钟）。", "The booking is longer than this instrument's maximum of {minutes} minutes."),
        new("rule:minNotice@start", "该仪器须至少提前 {minutes} 分钟预约。", "This instrument must be booked at least {minutes} minutes ahead."),
        new("rule:maxAdvance@start", "该仪器最多只能提前 {days} 天预约。", "This instrument can be booked at most {days} days ahead."),
        new("rule:buffer@start", "与相邻预约的间隔少于该仪器要求的 {minutes} 分钟缓冲时间。", "This comes closer to another booking than the instrument's buffer of {minutes} minutes."),
        new("rule:externalBookingNotAllowed@instrument", "该仪器暂不接受其他单位在线预约，请与仪器管理单位联系。", "This instrument takes no online bookings from other organizations; contact its owner."),
        new("rule:countOrUntil@occurrences", "请填写重复次数或截止日期（二选一）。", "Give either the number of occurrences or the last date, not both."),
        new("rule:range@occurrences", "重复预约应为 {min} 至 {max} 次。", "A series has {min} to {max} occurrences."),
        new("rule:range@until", "重复预约应为 {min} 至 {max} 次。", "A series has {min} to {max} occurrences."),
        new("rule:withinOneYear@until", "重复预约须在第一次预约后一年内结束。", "A series ends within one year of its first occurrence."),
        new("rule:durationWithinRules@minutes", "时长应在该仪器的 {min} 至 {max} 分钟之间。", "The length must be {min} to {max} minutes for this instrument."),
    ];

    private static IEnumerable<ErrorText> Codes =>
    [
        new("code:slot_taken", "该时段已被预约，请选择其他时段（冲突时段见详情）。", "That time is already booked; choose another (the booked interval is given)."),
        new("code:series_conflicts", "重复预约中有时段与已有预约冲突，整组均未预约；冲突的各次见列表。", "Some occurrences overlap existing bookings, so none were booked; the list shows which."),
        new("code:instrument_unavailable", "该仪器正在维修或已报废，暂不接受预约。", "The instrument is under maintenance or retired and takes no bookings."),
        new("code:already_started", "预约已开始，不能再取消。", "The booking has started and can no longer be cancelled."),
        new("code:check_in_not_open", "签到时间为开始前 15 分钟至结束时。", "Check-in opens 15 minutes before the start and closes at the end."),
        new("code:maintenance_overlaps_use", "该时段仪器正在使用或已安排维护。", "The instrument is in use or already blocked for maintenance then."),
        new("code:not_awaiting_approval", "该预约不在待审批状态。", "This booking is not awaiting approval."),
        new("code:not_cancellable", "只有待审批或已批准的预约可以取消。", "Only a requested or approved booking can be cancelled."),
        new("code:not_approved", "只有已批准的预约可以签到。", "Only an approved booking can be checked in."),
        new("code:not_in_use", "只有使用中的预约可以结束。", "Only a booking in use can be finished."),
    ];
}
