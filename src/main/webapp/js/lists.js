// Paged answers come as a bare array or as an object holding one; this finds the array either way.

export function listOf(answer, preferredKey) {
    if (Array.isArray(answer)) {
        return answer;
    }
    if (!answer) {
        return [];
    }
    for (const key of [preferredKey, "items", "content", "results", "data"]) {
        if (Array.isArray(answer[key])) {
            return answer[key];
        }
    }
    const arrays = Object.values(answer).filter(Array.isArray);
    return arrays.length ? arrays[0] : [];
}
