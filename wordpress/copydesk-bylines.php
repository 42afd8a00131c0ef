<?php
/**
 * Plugin Name: Copydesk bylines
 * Description: Lets Copydesk record, on each post it publishes, the piece it came from and its byline (every contributor, in order), since WordPress has no guest authors of its own. Copydesk prints the byline and the bios in the post's content whether or not this plugin is there; with it, themes and other plugins can read them as post meta.
 * Version: 1.0
 * License: MIT
 *
 * Install: copy this file into wp-content/mu-plugins/ (or wp-content/plugins/ and activate it).
 */

add_action('init', function () {
	$fields = [
		'copydesk_article' => 'The id of the Copydesk piece this post publishes.',
		'copydesk_byline' => 'The byline as Copydesk prints it: "Ana Ruiz and Tom Lee".',
		'copydesk_contributors' => 'The byline\'s contributors as JSON: [{"id", "name", "bio"}], in byline order.',
	];
	foreach ($fields as $key => $description) {
		register_post_meta('post', $key, [
			'type' => 'string',
			'single' => true,
			'description' => $description,
			'show_in_rest' => true,
			'auth_callback' => function () {
				return current_user_can('edit_posts');
			},
		]);
	}
});
