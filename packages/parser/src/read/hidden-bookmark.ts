/** Word's hidden bookmarks: last edit position, hyperlink and cross-reference targets. Every reader drops them. */
export const hiddenBookmark = /^_(GoBack|Hlk|Ref)/
